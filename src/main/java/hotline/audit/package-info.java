/** The audit log: who signed in, published, rolled back, imported, signed off a language or changed an account, and when. Its page is in the admin console. */
package hotline.audit;
