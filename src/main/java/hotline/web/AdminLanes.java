package hotline.web;

import java.util.concurrent.Semaphore;

/**
 * The two lanes heavy admin work runs in, each one thread wide and sharing one permit to run, so that together
 * they never take more than one of the machine's two cores from the webhooks, however much is asked for at once
 * (and that one only when the webhooks leave it idle: see {@link WorkLane}).
 *
 * @param passwords password hashes (signing in, changing a password, making an account)
 * @param work      a dashboard's queries, an import, a publish's or a rollback's validation
 */
public record AdminLanes(WorkLane passwords, WorkLane work) {
    /** A sign-in's hash takes a fifth of a second or more: four waiting is a second's wait, more is refused. */
    static final int PASSWORDS_WAITING = 4;
    /** A dashboard page asks for its figures twice; a few people at once may wait. */
    static final int WORK_WAITING = 8;

    public static AdminLanes standard() {
        Semaphore cpu = new Semaphore(1, true);
        return new AdminLanes(new WorkLane("password-hashing", 1, PASSWORDS_WAITING, cpu),
                new WorkLane("admin-work", 1, WORK_WAITING, cpu));
    }
}
