/** The audit log: sign-ins, publishes, rollbacks, imports and account changes, with who and when. */
package hotline.audit;
