package io.tollgate.engine.api;

/**
 * One event loop's figures, as {@code show activity} prints them per thread.
 *
 * @param cpuMillis   CPU time the loop's thread has used since it started
 * @param idlePct     share of the last measured interval (one second or more) the loop's thread
 *                    spent without CPU, i.e. waiting for I/O or timers
 * @param queuedTasks tasks waiting in the loop's queue right now
 * @param accepted    connections the loop accepted on the listeners it runs
 */
public record LoopActivity(long cpuMillis, int idlePct, long queuedTasks, long accepted) {
}
