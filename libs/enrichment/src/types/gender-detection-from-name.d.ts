/** gender-detection-from-name 1.11 ships no types for its name lists: lower-case first name -> gender. */
declare module 'gender-detection-from-name/names/de' {
  const names: Map<string, string>;
  export = names;
}
declare module 'gender-detection-from-name/names/es' {
  const names: Map<string, string>;
  export = names;
}
declare module 'gender-detection-from-name/names/fr' {
  const names: Map<string, string>;
  export = names;
}
declare module 'gender-detection-from-name/names/en' {
  const names: Map<string, string>;
  export = names;
}
