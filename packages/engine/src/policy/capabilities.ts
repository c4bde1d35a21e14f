// One list with the model's validation (packages/model/src/host-dangers.ts).
export { BASELINE_CAPS, DOCKER_DEFAULT_CAPS, normaliseCap } from '@blaupause/model';
