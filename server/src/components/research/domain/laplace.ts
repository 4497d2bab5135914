/**
 * The Laplace mechanism for the export's counts: each count histogram gets independent Laplace(0, b)
 * noise per bin with b = Δ₁ / ε, where Δ₁ is the histogram's L1 sensitivity (how much adding or removing
 * one patient can change all its bins together). Randomness is crypto-quality by default; tests pass a
 * seeded source. Pure apart from that randomness.
 */
import { randomBytes } from 'node:crypto';
import type { NoisyHistogram } from '@api';

/** Uniform in [0, 1). */
export type UniformSource = () => number;

/** 53 random bits from the OS's CSPRNG: every double in [0, 1) that Math.random could give, unpredictably. */
export const cryptoUniform: UniformSource = () => Number(randomBytes(8).readBigUInt64BE() >> 11n) / 2 ** 53;

/** One draw of Laplace(0, scale) by inverse transform: −b·sgn(u)·ln(1 − 2|u|), u uniform in (−½, ½). */
export function laplaceNoise(scale: number, uniform: UniformSource = cryptoUniform): number {
  let u = uniform() - 0.5;
  while (u === -0.5) u = uniform() - 0.5; // ln(0) has no value; the draw is simply repeated.
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

/**
 * `counts` over the fixed `bins` (empty bins too: a bin that appeared only when someone was in it would
 * itself leak) with noise of scale sensitivity / epsilon, rounded and clamped at 0; rounding and
 * clamping are post-processing, which keeps the ε-guarantee.
 */
export function noisyHistogram(
  counts: ReadonlyMap<string, number>,
  bins: readonly string[],
  sensitivity: number,
  epsilon: number,
  uniform: UniformSource = cryptoUniform,
): NoisyHistogram {
  const scale = sensitivity / epsilon;
  const noisy = Object.fromEntries(
    bins.map((bin) => [bin, Math.max(0, Math.round((counts.get(bin) ?? 0) + laplaceNoise(scale, uniform)))]),
  );
  return { sensitivity, epsilon, scale, counts: noisy };
}
