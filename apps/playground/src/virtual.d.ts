declare module 'virtual:mnist-subset' {
  /** Images per digit. */
  export const perDigit: number;
  /** Base64 of digit-major 28×28 images, one byte per pixel. */
  export const pixels: string;
}
