import { Channel } from '../docker/channel';
import { demuxer } from '../docker/logs/demux';
import { lineAssembler, parseStamped } from '../docker/logs/lines';
import type { LogLine, LogOptions } from '../types';
import type { PodmanApi } from './api';
import { containerOf, ownedFilter, PLABEL } from './labels';

/**
 * logs() of the podman-kube driver: the containers of one service (or one container of it), found
 * by our labels, read from libpod's multiplexed log endpoint with timestamps (the Docker driver's
 * demuxer and line assembler), followed when asked. Lines of several containers are interleaved
 * as they arrive. Ends when every stream ends or the signal aborts.
 */
interface ListEntry {
  Id: string;
  Names: string[];
  IsInfra?: boolean;
  Labels?: Record<string, string>;
}

export function podmanLogs(api: PodmanApi, options: LogOptions): AsyncIterable<LogLine> {
  const out = new Channel<LogLine>();
  run(api, options, out).finally(() => out.close());
  return out;
}

async function run(api: PodmanApi, o: LogOptions, out: Channel<LogLine>): Promise<void> {
  const label = [...ownedFilter(o.project), `${PLABEL.service}=${o.service}`];
  const list = (await api.get<ListEntry[] | null>('/containers/json', { all: true, filters: { label } }).catch(() => [])) ?? [];
  const targets = list
    .filter((c) => !c.IsInfra)
    .map((c) => ({ id: c.Id, container: containerOf(c.Names[0] ?? '', c.Labels?.[PLABEL.pod] ?? '') }))
    .filter((c) => o.container === undefined || c.container === o.container);
  await Promise.all(targets.map((t) => follow(api, o, t.id, `container:${o.service}/${t.container}`, out)));
}

async function follow(api: PodmanApi, o: LogOptions, id: string, elementId: string, out: Channel<LogLine>): Promise<void> {
  try {
    const res = await api.stream('GET', `/containers/${encodeURIComponent(id)}/logs`, {
      query: { stdout: true, stderr: true, timestamps: true, follow: o.follow === true, ...(o.tail !== undefined ? { tail: o.tail } : {}) },
      signal: o.signal,
    });
    const d = demuxer();
    const asm = { stdout: lineAssembler(), stderr: lineAssembler() };
    const emit = (stream: 'stdout' | 'stderr', line: string) => {
      const s = parseStamped(line);
      out.push({ id, elementId, replica: 1, stream, at: s.at, text: s.text });
    };
    for await (const chunk of res)
      for (const f of d.push(chunk as Buffer)) for (const l of asm[f.stream].push(f.payload)) emit(f.stream, l);
    for (const s of ['stdout', 'stderr'] as const) for (const l of asm[s].flush()) emit(s, l);
  } catch {
    // aborted or the container went away: its lines end here
  }
}
