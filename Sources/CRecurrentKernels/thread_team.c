// A persistent team of worker threads with a spin-then-sleep barrier, for the per-step split of the
// recurrent kernels. Workers sleep on a futex (Linux) or a condition variable between jobs.
#if defined(__linux__)
#define _GNU_SOURCE
#include <sched.h>
#endif
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>
#include "internal.h"
#include <unistd.h>
#if defined(__linux__)
#include <linux/futex.h>
#include <sys/syscall.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#define CPU_RELAX() _mm_pause()
#else
#define CPU_RELAX() ((void)0)
#endif

/// How long a waiter spins before it sleeps. Jobs and barriers follow each other within microseconds to
/// milliseconds during training, and waking a sleeping thread (a futex wake, on a VM an inter-processor
/// interrupt to a halted virtual CPU) costs tens of microseconds each time; spinning a little over a
/// millisecond keeps the worker hot through a training step and still lets it sleep when the program idles.
#define SPIN_NANOSECONDS 1500000L

static long long monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static _Atomic int team_threads = 0;   // 0: not chosen yet (one per online core on first use)

void unroll_kernels_set_threads(int count) {
    if (count < 1) count = 1;
    if (count > UNROLL_MAX_THREADS) count = UNROLL_MAX_THREADS;
    atomic_store(&team_threads, count);
}

static _Atomic long row_split_bytes = 2048 * 1024;

void unroll_kernels_set_row_split_bytes(long bytes) { atomic_store(&row_split_bytes, bytes < 0 ? 0 : bytes); }

long unroll_kernels_row_split_bytes(void) { return atomic_load(&row_split_bytes); }

int unroll_kernels_threads(void) {
    int count = atomic_load(&team_threads);
    if (count == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        count = cores < 1 ? 1 : cores > UNROLL_MAX_THREADS ? UNROLL_MAX_THREADS : (int)cores;
        atomic_store(&team_threads, count);
    }
    return count;
}

// MARK: - Waiting on a word

#if defined(__linux__)
static void sleep_while_equal(_Atomic unsigned *word, unsigned value) {
    syscall(SYS_futex, (unsigned *)word, FUTEX_WAIT_PRIVATE, value, NULL, NULL, 0);
}
static void wake_all(_Atomic unsigned *word) {
    syscall(SYS_futex, (unsigned *)word, FUTEX_WAKE_PRIVATE, 0x7fffffff, NULL, NULL, 0);
}
#else
static pthread_mutex_t sleep_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sleep_cond = PTHREAD_COND_INITIALIZER;
static void sleep_while_equal(_Atomic unsigned *word, unsigned value) {
    pthread_mutex_lock(&sleep_lock);
    while (atomic_load(word) == value) pthread_cond_wait(&sleep_cond, &sleep_lock);
    pthread_mutex_unlock(&sleep_lock);
}
static void wake_all(_Atomic unsigned *word) {
    (void)word;
    pthread_mutex_lock(&sleep_lock);
    pthread_cond_broadcast(&sleep_cond);
    pthread_mutex_unlock(&sleep_lock);
}
#endif

/// A word that waiters watch for a change, with a count of sleepers so that wakers skip the system call
/// when nobody sleeps.
typedef struct {
    _Atomic unsigned value;
    _Atomic int sleepers;
} signal_word;

/// Waits until the word differs from `old`; returns about how long that took in nanoseconds (0 for waits of a
/// few microseconds, which are not timed).
static long long wait_for_change(signal_word *w, unsigned old) {
    long long start = 0;
    for (unsigned i = 0;; i++) {
        if (atomic_load_explicit(&w->value, memory_order_acquire) != old) {
            return start == 0 ? 0 : monotonic_ns() - start;
        }
        CPU_RELAX();
        if ((i & 63) == 63) {
            long long now = monotonic_ns();
            if (start == 0) start = now;
            else if (now - start > SPIN_NANOSECONDS) break;
        }
    }
    while (atomic_load(&w->value) == old) {
        atomic_fetch_add(&w->sleepers, 1);
        if (atomic_load(&w->value) == old) sleep_while_equal(&w->value, old);
        atomic_fetch_sub(&w->sleepers, 1);
    }
    return monotonic_ns() - start;
}

static void signal_change(signal_word *w) {
    atomic_fetch_add(&w->value, 1);
    if (atomic_load(&w->sleepers) > 0) wake_all(&w->value);
}

// MARK: - The team

static pthread_mutex_t run_lock = PTHREAD_MUTEX_INITIALIZER;
static int workers_started;                      // workers 1 ... workers_started exist (guarded by run_lock)
static unsigned first_job[UNROLL_MAX_THREADS];   // the job count each worker was started at
static signal_word job_posted;      // bumped when a job is posted
static signal_word job_finished;    // bumped by each worker when done
static _Atomic int workers_done;
static unroll_team_job job_function;
static void *job_context;
static int job_threads;

static signal_word barrier_word;
static _Atomic int barrier_arrived;

// MARK: - Backing off under contention
//
// When other programs keep a core busy, a thread of the team is often descheduled and its partner waits at
// every barrier for a whole scheduler time slice; one thread is then faster than two. A job whose threads
// spent more than a quarter of their time waiting for each other switches the team to one thread for a short
// while, after which two are tried again.

/// Waiting time of the running job's threads at barriers and at its end, in nanoseconds.
static _Atomic long long job_wait_ns;
/// When the running job was posted, and how long its workers took to wake up and start it, summed: a worker that
/// slept between jobs makes the others wait at the first barrier, which is not contention and must not cause a
/// back-off (measured: counting it sent a training step's jobs to one thread after every pause, 20% slower).
static _Atomic long long job_posted_ns;
static _Atomic long long job_wake_ns;
/// Until when (monotonic nanoseconds) jobs run on one thread.
static _Atomic long long single_until_ns;
/// How long the team stays on one thread after a contended job.
#define BACK_OFF_NANOSECONDS 250000000LL
/// Whether the team backs off at all (tests that must see two threads switch it off).
static _Atomic int back_off_enabled = 1;

int unroll_team_back_off(void) { return atomic_load(&back_off_enabled); }

void unroll_team_set_back_off(int enabled) {
    atomic_store(&back_off_enabled, enabled != 0);
    if (!enabled) atomic_store(&single_until_ns, 0);
}

/// The CPU each worker is pinned to (-1: not pinned), set before it starts (guarded by run_lock).
static int worker_cpu[UNROLL_MAX_THREADS];

#if defined(__linux__)
/// The CPU for worker `tid`: the `tid`-th from the last of the CPUs this process may use, so that worker 1 of a
/// two-CPU machine stays off CPU 0; -1 when there is only one. Measured: unpinned, the scheduler kept a freshly
/// woken worker on its waker's CPU, where the two threads took turns and a barrier cost about 1 ms, not 1 µs.
static int cpu_for_worker(int tid) {
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) return -1;
    int count = CPU_COUNT(&allowed);
    if (count < 2) return -1;
    int want = count - 1 - (tid - 1) % count, seen = 0;
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
        if (CPU_ISSET(cpu, &allowed) && seen++ == want) return cpu;
    }
    return -1;
}

/// Moves the calling thread off the workers' CPUs when it runs on one of them (the scheduler may have put it
/// there); returns whether it did, with the old affinity in `saved`, to be restored after the job.
static int move_caller_off_workers(int threads, cpu_set_t *saved) {
    int here = sched_getcpu(), clash = 0;
    for (int t = 1; t < threads; t++) clash |= worker_cpu[t] >= 0 && worker_cpu[t] == here;
    if (!clash || sched_getaffinity(0, sizeof *saved, saved) != 0) return 0;
    cpu_set_t others = *saved;
    for (int t = 1; t < threads; t++) if (worker_cpu[t] >= 0) CPU_CLR(worker_cpu[t], &others);
    if (CPU_COUNT(&others) == 0) return 0;
    return sched_setaffinity(0, sizeof others, &others) == 0;
}
#endif

static void *worker_main(void *arg) {
    const int tid = (int)(intptr_t)arg;
    unsigned seen = first_job[tid];
    for (;;) {
        (void)wait_for_change(&job_posted, seen);
        seen = atomic_load(&job_posted.value);
        // Every started worker acknowledges every job, also one it takes no part in: the caller posts the next
        // job only after all have, so no worker can read one job's settings with another's count.
        if (tid < job_threads) {
            atomic_fetch_add(&job_wake_ns, monotonic_ns() - atomic_load(&job_posted_ns));
            job_function(job_context, tid, job_threads);
        }
        atomic_fetch_add(&workers_done, 1);
        signal_change(&job_finished);
    }
    return NULL;
}

/// Starts workers up to index `threads - 1` (called with run_lock held, before a job is posted).
static void start_workers(int threads) {
    for (int t = workers_started + 1; t < threads; t++) {
        first_job[t] = atomic_load(&job_posted.value);
        pthread_t thread;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        worker_cpu[t] = -1;
#if defined(__linux__)
        worker_cpu[t] = cpu_for_worker(t);
        if (worker_cpu[t] >= 0) {
            cpu_set_t one;
            CPU_ZERO(&one);
            CPU_SET(worker_cpu[t], &one);
            if (pthread_attr_setaffinity_np(&attr, sizeof one, &one) != 0) worker_cpu[t] = -1;
        }
#endif
        pthread_create(&thread, &attr, worker_main, (void *)(intptr_t)t);
        pthread_attr_destroy(&attr);
        workers_started = t;
    }
}

static _Atomic long parallel_jobs;

long unroll_team_parallel_jobs(void) { return atomic_load(&parallel_jobs); }

void unroll_team_run(unroll_team_job job, void *context, int threads) {
    const long long start = threads > 1 ? monotonic_ns() : 0;
    if (threads <= 1 || start < atomic_load(&single_until_ns) || pthread_mutex_trylock(&run_lock) != 0) {
        job(context, 0, 1);
        return;
    }
    if (threads > UNROLL_MAX_THREADS) threads = UNROLL_MAX_THREADS;
    start_workers(threads);
#if defined(__linux__)
    cpu_set_t saved_affinity;
    const int moved = move_caller_off_workers(threads, &saved_affinity);
#endif
    atomic_fetch_add(&parallel_jobs, 1);
    job_function = job;
    job_context = context;
    job_threads = threads;
    atomic_store(&workers_done, 0);
    atomic_store(&barrier_arrived, 0);
    atomic_store(&job_wait_ns, 0);
    atomic_store(&job_wake_ns, 0);
    atomic_store(&job_posted_ns, monotonic_ns());
    signal_change(&job_posted);
    job(context, 0, threads);
    for (;;) {
        unsigned seen = atomic_load(&job_finished.value);
        if (atomic_load(&workers_done) == workers_started) break;   // every started worker (see worker_main)
        atomic_fetch_add(&job_wait_ns, wait_for_change(&job_finished, seen));
    }
    const long long end = monotonic_ns(), elapsed = end - start;
    const long long contended = atomic_load(&job_wait_ns) - atomic_load(&job_wake_ns);
    if (atomic_load(&back_off_enabled) && elapsed > 1000000 && contended * 4 > elapsed * threads) {
        atomic_store(&single_until_ns, end + BACK_OFF_NANOSECONDS);
    }
#if defined(__linux__)
    if (moved) sched_setaffinity(0, sizeof saved_affinity, &saved_affinity);
#endif
    pthread_mutex_unlock(&run_lock);
}

void unroll_team_barrier(int threads) {
    if (threads <= 1) return;
    unsigned generation = atomic_load(&barrier_word.value);
    if (atomic_fetch_add(&barrier_arrived, 1) == threads - 1) {
        atomic_store(&barrier_arrived, 0);
        signal_change(&barrier_word);
    } else {
        atomic_fetch_add(&job_wait_ns, wait_for_change(&barrier_word, generation));
    }
}
