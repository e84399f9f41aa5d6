/** Company profiles (主体信息): schema, storage in the app store, and applying them to projects. */
export * from '../model/schemas/profiles';
export * from './store';
export * from './apply';
