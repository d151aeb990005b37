/**
 * What the placeholders of a cassette stand for in this replay: recorded slot text ↔ the value sent now, one to one.
 */
export class Bindings {
  private constructor(
    private readonly toValue: Map<string, string>,
    private readonly toSlot: Map<string, string>,
  ) {}

  /** No slot bound yet. */
  static empty(): Bindings {
    return new Bindings(new Map(), new Map());
  }

  /** Binds a slot to a value; false when either is already bound to something else. */
  bind(slot: string, value: string): boolean {
    const bound = this.toValue.get(slot);
    if (bound !== undefined) return bound === value;
    if (this.toSlot.has(value)) return false;
    this.toValue.set(slot, value);
    this.toSlot.set(value, slot);
    return true;
  }

  /** The value a slot is bound to, if any. */
  valueOf(slot: string): string | undefined {
    return this.toValue.get(slot);
  }

  /** A copy to try a match on; adopt it with `commit` when the match holds. */
  fork(): Bindings {
    return new Bindings(new Map(this.toValue), new Map(this.toSlot));
  }

  /** Takes over the bindings of a fork. */
  commit(fork: Bindings): void {
    for (const [slot, value] of fork.toValue) this.bind(slot, value);
  }

  /** Every binding, slot first. */
  entries(): Array<[string, string]> {
    return [...this.toValue];
  }
}
