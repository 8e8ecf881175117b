// Entry point: see the foundation work.
export {};
