import { v7 as uuidv7 } from 'uuid';

/** Time-ordered unique id (UUIDv7) for events and entities; needs no network to stay unique. */
export function newId(): string {
  return uuidv7();
}
