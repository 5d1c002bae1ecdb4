/**
 * A stand-in for a CRaC-enabled JDK's {@code jdk.crac} API, so a plain JVM can run a checkpoint the
 * way Lambda SnapStart does. {@code org.crac} (the library the functions use) looks for an
 * implementation in the package named by the system property {@code org.crac.Core.Compat}, then
 * {@code javax.crac}, then {@code jdk.crac}; the cold-start probe starts its JVM with this package
 * there. The handlers' own {@code Core.getGlobalContext().register(…)} calls then reach {@link
 * dev.linkcrawl.bench.probe.crac.Context#register}, and {@code org.crac.Core.checkpointRestore()}
 * runs every registered {@code beforeCheckpoint} and {@code afterRestore}, as a snapshot and a
 * restore would, without taking one.
 *
 * <p>The class and method names are fixed by {@code org.crac}'s reflection: {@code Core}, {@code
 * Context}, {@code Resource}, {@code CheckpointException}, {@code RestoreException}.
 */
package dev.linkcrawl.bench.probe.crac;
