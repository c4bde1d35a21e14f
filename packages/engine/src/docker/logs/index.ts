/** Container logs (one container or a whole service), tail and follow, merged across containers. */

export type { Demuxer, Frame } from './demux';
export { demuxer, frame } from './demux';
export { followLogs } from './follow';
export type { LineAssembler, StampedLine } from './lines';
export { lineAssembler, parseStamped, sinceOf } from './lines';
