// Imported first by the service's entry points (main.ts, the bench's server), before any library:
// libraries read NODE_ENV when they load. Unless the caller says otherwise the service runs in
// production mode; graphql-js, outside it, runs development checks (for a second copy of itself)
// on the types it meets, which made coercing a 20,000-area what-if's variables ×2.7 slower.
process.env.NODE_ENV ??= 'production';
