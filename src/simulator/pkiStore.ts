import { message } from '../common/log';

/**
 * A certificateBasedAuthPki object as the simulator keeps it (docs/graph-pki.md §2, navigation properties left out).
 */
export interface PkiObject {
  id: string;
  deletedDateTime: string | null;
  displayName: string | null;
  lastModifiedDateTime: string;
  status: string | null;
  statusDetails: string | null;
}

/** The properties the seed page documents as writable. */
export type PkiWritable = 'deletedDateTime' | 'displayName' | 'status' | 'statusDetails';

/** The writable properties a request asked to change. */
export type PkiChanges = Partial<Pick<PkiObject, PkiWritable>>;

/** The in-memory collection; ids are matched case-insensitively, as Graph matches GUIDs. */
export interface PkiStore {
  list(): PkiObject[];
  get(id: string): PkiObject | undefined;
  put(object: PkiObject): void;
  remove(id: string): boolean;
}

/** Creates the collection, filling what a seed entry leaves out with the values a fresh object has. */
export function createPkiStore(seed: ReadonlyArray<Partial<PkiObject> & { id: string }>, now: Date): PkiStore {
  const objects = new Map<string, PkiObject>();
  const key = (id: string): string => id.toLowerCase();
  for (const entry of seed) {
    if (entry.lastModifiedDateTime !== undefined && Number.isNaN(Date.parse(entry.lastModifiedDateTime))) {
      throw new Error(
        message(
          'simulator',
          `seed object "${entry.id}" has lastModifiedDateTime "${entry.lastModifiedDateTime}", ` +
            'which is not a date-time; give an ISO 8601 date-time or leave it out.',
        ),
      );
    }
    objects.set(key(entry.id), {
      deletedDateTime: null,
      displayName: null,
      status: null,
      statusDetails: null,
      ...entry,
      lastModifiedDateTime: entry.lastModifiedDateTime ?? now.toISOString(),
    });
  }
  // Copies in and out so that a caller holding an object cannot change the state behind the simulator's back.
  return {
    list: () => [...objects.values()].map((o) => ({ ...o })),
    get: (id) => {
      const found = objects.get(key(id));
      return found && { ...found };
    },
    put: (object) => void objects.set(key(object.id), { ...object }),
    remove: (id) => objects.delete(key(id)),
  };
}

/**
 * The next lastModifiedDateTime: the clock, but always at least 1 ms after the previous value so it never stands still
 * or goes back.
 */
export function nextModified(previous: string | undefined, now: Date): string {
  const floor = previous === undefined ? Number.NEGATIVE_INFINITY : Date.parse(previous) + 1;
  return new Date(Math.max(floor, now.getTime())).toISOString();
}
