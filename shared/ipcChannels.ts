/** Electron IPC channel names: `desk:<contract channel>` for calls, one channel for pushed events. */
export const IPC_PREFIX = 'desk:';
export const PUSH_CHANNEL = 'desk:push';
