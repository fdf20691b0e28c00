/** Wire protocol version. Bump when a message changes shape; the server refuses other versions. */
export const PROTOCOL_VERSION = 3;
