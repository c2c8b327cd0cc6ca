// The one way images are counted, so `coach images`, the chat listing and the host-wide look
// always give the same numbers for the same host.
import type { ImageSummary } from './types.ts';

export interface ImageCounts {
  /** Images no container (running or stopped) was created from. */
  unused: number;
  /** Of those, the `<none>` ones: dangling layers (an older build whose tag moved, a build leftover). */
  dangling: number;
}

export function isDangling(i: ImageSummary): boolean {
  return i.tags.length === 0;
}

export function countImages(images: readonly ImageSummary[]): ImageCounts {
  const unused = images.filter((i) => i.containers.length === 0);
  return { unused: unused.length, dangling: unused.filter(isDangling).length };
}

/** "1 image has" / "3 images have". */
export function imagesHave(n: number): string {
  return n === 1 ? '1 image has' : `${n} images have`;
}
