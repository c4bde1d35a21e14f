/** Durations as Compose writes them: 1h30m, 10s, 500ms, 2m. No zod here: the designer's initial chunk imports it. */
export const DURATION = /^(\d+(\.\d+)?(h|m|s|ms|us|ns))+$/;
