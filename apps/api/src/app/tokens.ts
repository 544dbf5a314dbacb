export const MONGO = Symbol('MONGO');
export const CAPABILITIES = Symbol('CAPABILITIES');
