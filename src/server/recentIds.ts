/** A bounded set of ids, oldest dropped first: remembers recent finishes without growing forever. */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly limit = 1000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    this.ids.delete(id);
    this.ids.add(id);
    if (this.ids.size > this.limit) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
  }
}
