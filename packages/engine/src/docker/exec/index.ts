export { type ExecOptions, type ExecOutput, type ExecSession, startExec } from './session';
