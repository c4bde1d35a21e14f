import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { LABEL } from '../../src/docker/labels';

/** Project names of this suite's tests: the bpimg- prefix and a random suffix. */
export const projectName = (name: string): string => `bpimg-${name}-${randomBytes(3).toString('hex')}`;

/** Removes the images the driver built for a project (by our labels). */
export async function removeProjectImages(docker: Docker, project: string): Promise<void> {
  const images = await docker.listImages({ filters: { label: [`${LABEL.project}=${project}`, `${LABEL.managed}=true`] } });
  for (const i of images)
    await docker
      .getImage(i.Id)
      .remove({ force: true })
      .catch(() => {});
}
