// Stand-in for the `server-only` marker package under Vitest (the real one throws outside React
// Server Components). The code under test is the same.
export {};
