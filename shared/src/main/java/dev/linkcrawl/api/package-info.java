/**
 * What the functions' handlers share, so that each handler only translates its events into calls of
 * its use case and their outcomes into answers: the caller ({@link dev.linkcrawl.api.Caller}),
 * strict JSON request bodies ({@link dev.linkcrawl.api.JsonBody}), RFC 9457 problems ({@link
 * dev.linkcrawl.api.Problem}) and the API Gateway responses built from them, the unauthenticated
 * and the retry-later ones included ({@link dev.linkcrawl.api.ApiResponses}), and the function log
 * ({@link dev.linkcrawl.api.FunctionLog}), which the queue and S3 functions use as well.
 */
package dev.linkcrawl.api;
