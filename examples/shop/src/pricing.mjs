// Discounts and tax on a cart. Rounding happens once, at the end, half away from zero.

export function discountCents(subtotalCents, code) {
  switch (code) {
    case undefined:
    case '':
      return 0;
    case 'TEN':
      return Math.round(subtotalCents * 0.1);
    case 'FIVEOFF':
      return Math.min(500, subtotalCents);
    case 'FREESHIP':
      return 0; // shipping is priced elsewhere
    default:
      throw new Error(`unknown discount code '${code}'`);
  }
}

export function taxCents(amountCents, ratePercent) {
  if (ratePercent < 0 || ratePercent > 100) throw new RangeError('tax rate must be 0–100 %');
  return Math.round((amountCents * ratePercent) / 100);
}

export function totalCents(cart, { code, taxPercent = 0 } = {}) {
  const subtotal = cart.subtotalCents;
  const afterDiscount = subtotal - discountCents(subtotal, code);
  return afterDiscount + taxCents(afterDiscount, taxPercent);
}

export function formatCents(cents, currency = 'EUR') {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
}
