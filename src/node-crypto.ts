// node:crypto takes ~10 ms to load. Imported by a module of main's, it would load with main's code, before buildx
// starts; taken here at its first use, it loads while the build runs (main hashes nothing before, unless the build
// has secrets).

/** node:crypto, loaded on first use. */
export const nodeCrypto = () => process.getBuiltinModule('node:crypto');
