// A file imported with ?raw is its text (inlined by the bundle; Vite does the same in tests).
declare module '*?raw' {
  const text: string;
  export default text;
}
