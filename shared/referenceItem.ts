/** One published piece of reference data (a policy, a calendar year, a standard answer…) as folded. */
export interface ReferenceItem<K extends string> {
  kind: K;
  itemId: string;
  version: number;
  data: unknown;
}
