/** Limits shared by main and the renderer (the renderer refuses early, main enforces). */

/** Largest file accepted on import. Portals cap single files at a few MB; scans of 100+ pages stay well below. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
