/**
 * The HTTP API (api/openapi.yaml): one factory, {@link io.blastgate.http.HttpApp#create}, builds the
 * fully wired, unstarted Javalin app from the program's services; the composition root ({@code app})
 * and every HTTP test call it. It owns authentication and roles per route, the request id, the one
 * problem+json error mapper (which answers every {@code error.BlastgateException} in one way), body
 * size limits, the upload spool ({@code Spool}, private to the service's user), and renders the {@code
 * wire} shapes. The only package besides {@code cli} that knows
 * Javalin; depends on {@code services}, {@code wire}, {@code auth}, {@code config}, {@code graph},
 * {@code model}, {@code error} and the features; only {@code app} uses it.
 */
package io.blastgate.http;
