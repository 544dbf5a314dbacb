export const CAPABILITIES = Symbol('CAPABILITIES');
