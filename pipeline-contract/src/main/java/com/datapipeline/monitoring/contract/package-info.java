/**
 * What the CDK app, the two functions and the verify command must agree on, each fact defined once: the custom
 * metrics, each function's handler and configuration (variable, file, keys), the response function's environment
 * and route actions, the drill marker, and the fields of both functions' log lines. Nothing here depends on
 * anything: the app writes what these classes name, the functions read it, and verify checks it.
 */
package com.datapipeline.monitoring.contract;
