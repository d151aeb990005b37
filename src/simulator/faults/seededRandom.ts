/**
 * A deterministic source of numbers in [0, 1) (mulberry32), seeded from the fault seed and a label so each profile
 * draws its own sequence.
 */
export function seededRandom(seed: number, label: string): () => number {
  // FNV-1a over the label mixes it into the seed, so two profiles never share a sequence.
  let state = (seed >>> 0) ^ 0x811c9dc5;
  for (let i = 0; i < label.length; i++) state = Math.imul(state ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
