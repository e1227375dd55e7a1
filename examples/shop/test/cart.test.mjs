import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cart } from '../src/cart.mjs';

describe('Cart', () => {
  it('sums lines in cents', () => {
    const cart = new Cart().add('tea', 450, 2).add('cup', 1299);
    assert.equal(cart.subtotalCents, 2199);
  });

  it('merges the same sku', () => {
    const cart = new Cart().add('tea', 450).add('tea', 450, 3);
    assert.deepEqual(cart.lines, [{ sku: 'tea', priceCents: 450, quantity: 4 }]);
  });

  it('refuses fractional prices and empty quantities', () => {
    assert.throws(() => new Cart().add('tea', 4.5), RangeError);
    assert.throws(() => new Cart().add('tea', 450, 0), RangeError);
  });
});
