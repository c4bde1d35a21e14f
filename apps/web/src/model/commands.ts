import type { Blueprint } from '@blaupause/model';
import { removeContainer, removeEnv, renameContainer, setContainerRole, setEnv, setHealthcheck, setWords } from './container-commands';
import { ok } from './doc';
import { setExposure } from './exposure-commands';
import { insertElements } from './insert-commands';
import { moveNodes } from './layout-commands';
import { addLink, removeLink, setLinkCondition } from './link-commands';
import { addNetwork, joinNetwork, leaveNetwork, removeNetwork, renameNetwork, setNetworkOptions } from './network-commands';
import { addPort, removePort } from './port-commands';
import { addContainer, addService, duplicateService, removeService, renameService, setImage, setReplicas } from './service-commands';
import type { Command, CommandResult } from './types';
import { addVolume, mountVolume, removeVolume, renameVolume, setVolumeOptions, unmountVolume } from './volume-commands';

/**
 * Applies one command to a blueprint: a pure function, the document is never mutated. A command
 * that cannot apply (unknown service, taken name) fails with a message and changes nothing.
 */
export function applyCommand(bp: Blueprint, cmd: Command): CommandResult<Blueprint> {
  switch (cmd.kind) {
    case 'addService':
      return addService(bp, cmd.name, cmd.image, cmd.at);
    case 'removeService':
      return removeService(bp, cmd.name);
    case 'duplicateService':
      return duplicateService(bp, cmd.name, cmd.as, cmd.at);
    case 'renameService':
      return renameService(bp, cmd.from, cmd.to);
    case 'setReplicas':
      return setReplicas(bp, cmd.service, cmd.replicas);
    case 'addContainer':
      return addContainer(bp, cmd.service, cmd.name, cmd.role, cmd.image);
    case 'setImage':
      return setImage(bp, cmd.service, cmd.container, cmd.image);
    case 'removeContainer':
      return removeContainer(bp, cmd.service, cmd.name);
    case 'renameContainer':
      return renameContainer(bp, cmd.service, cmd.from, cmd.to);
    case 'setContainerRole':
      return setContainerRole(bp, cmd.service, cmd.container, cmd.role);
    case 'setEnv':
      return setEnv(bp, cmd.service, cmd.container, cmd.name, cmd.value, cmd.was);
    case 'removeEnv':
      return removeEnv(bp, cmd.service, cmd.container, cmd.name);
    case 'setWords':
      return setWords(bp, cmd.service, cmd.container, cmd.field, cmd.words);
    case 'setHealthcheck':
      return setHealthcheck(bp, cmd.service, cmd.container, cmd.healthcheck);
    case 'addPort':
      return addPort(bp, cmd.service, cmd.port, cmd.publish);
    case 'removePort':
      return removePort(bp, cmd.service, cmd.port);
    case 'addLink':
      return addLink(bp, cmd.from, cmd.to, cmd.condition);
    case 'removeLink':
      return removeLink(bp, cmd.from, cmd.to);
    case 'setLinkCondition':
      return setLinkCondition(bp, cmd.from, cmd.to, cmd.condition);
    case 'addVolume':
      return addVolume(bp, cmd.name, cmd.at);
    case 'removeVolume':
      return removeVolume(bp, cmd.name);
    case 'renameVolume':
      return renameVolume(bp, cmd.from, cmd.to);
    case 'setVolumeOptions':
      return setVolumeOptions(bp, cmd.name, cmd.options);
    case 'mountVolume':
      return mountVolume(bp, cmd.service, cmd.volume, cmd.target, cmd.container);
    case 'unmountVolume':
      return unmountVolume(
        bp,
        cmd.service,
        cmd.volume,
        cmd.container !== undefined && cmd.target !== undefined ? { container: cmd.container, target: cmd.target } : undefined,
      );
    case 'setExposure':
      return setExposure(bp, cmd.service, cmd.port, cmd.exposure);
    case 'addNetwork':
      return addNetwork(bp, cmd.name, cmd.at);
    case 'removeNetwork':
      return removeNetwork(bp, cmd.name);
    case 'renameNetwork':
      return renameNetwork(bp, cmd.from, cmd.to);
    case 'setNetworkOptions':
      return setNetworkOptions(bp, cmd.name, cmd.options);
    case 'joinNetwork':
      return joinNetwork(bp, cmd.service, cmd.network);
    case 'leaveNetwork':
      return leaveNetwork(bp, cmd.service, cmd.network);
    case 'moveNodes':
      return ok(moveNodes(bp, cmd.moves));
    case 'insertElements':
      return insertElements(bp, cmd.elements);
    case 'replaceDocument':
      return ok(cmd.blueprint);
    case 'batch': {
      let current = bp;
      for (const c of cmd.commands) {
        const r = applyCommand(current, c);
        if (!r.ok) return r;
        current = r.value;
      }
      return ok(current);
    }
  }
}
