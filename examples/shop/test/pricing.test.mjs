import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Cart } from '../src/cart.mjs';
import { discountCents, formatCents, totalCents } from '../src/pricing.mjs';

describe('pricing', () => {
  const cart = () => new Cart().add('tea', 450, 2).add('cup', 1299);

  it('applies a percentage code before tax', () => {
    assert.equal(totalCents(cart(), { code: 'TEN', taxPercent: 20 }), 2375);
  });

  it('caps a fixed discount at the subtotal', () => {
    assert.equal(discountCents(300, 'FIVEOFF'), 300);
  });

  it('refuses unknown codes', () => {
    assert.throws(() => discountCents(100, 'BOGUS'), /unknown discount code/);
  });

  it('formats cents as money', () => {
    assert.equal(formatCents(2375), '€23.75');
  });
});
