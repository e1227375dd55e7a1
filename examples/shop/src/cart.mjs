// A shopping cart priced in cents, so that sums never pick up floating-point dust.

export class Cart {
  #lines = new Map();

  add(sku, priceCents, quantity = 1) {
    if (!Number.isInteger(priceCents) || priceCents < 0) throw new RangeError(`price of ${sku} must be whole cents`);
    if (!Number.isInteger(quantity) || quantity < 1) throw new RangeError(`quantity of ${sku} must be at least 1`);
    const line = this.#lines.get(sku);
    if (line) line.quantity += quantity;
    else this.#lines.set(sku, { sku, priceCents, quantity });
    return this;
  }

  remove(sku) {
    return this.#lines.delete(sku);
  }

  get lines() {
    return [...this.#lines.values()];
  }

  get subtotalCents() {
    return this.lines.reduce((sum, l) => sum + l.priceCents * l.quantity, 0);
  }
}
