package io.tollgate.logship;
/** Placeholder. */
final class Placeholder { private Placeholder() {} }
