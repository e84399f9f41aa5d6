/** The security-update log (网络安全演进图): entries, their check, the one-page chart. */
export * from '../model/schemas/security-log';
export * from '../model/security-log/check';
export * from './timeline';
export * from './attach';
export * from './chart';
