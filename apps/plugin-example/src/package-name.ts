/** The npm name every plugin reports as its `package`, so registry errors say what to install. */
export const PACKAGE = 'tensorkit-plugin-example';
