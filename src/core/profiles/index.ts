/** Company profiles (主体信息): schema, storage in the app store, and applying them to projects. */
export * from './schema';
export * from './store';
export * from './apply';
