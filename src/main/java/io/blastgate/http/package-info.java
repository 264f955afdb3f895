/**
 * The HTTP API (api/openapi.yaml): one factory, {@link io.blastgate.http.HttpApp#create}, builds the
 * fully wired, unstarted Javalin app from its services; the program's main and every HTTP test call it.
 * It owns authentication and roles per route, the request id, the one problem+json error mapper, body
 * size limits and the JSON rendering. The only package besides {@code cli} that knows Javalin; depends
 * on {@code auth}, {@code config}, {@code graph}, {@code model} and the features.
 */
package io.blastgate.http;
