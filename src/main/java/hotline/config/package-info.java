/** Operator settings: the environment variables the hotline reads, checked once at start-up. */
package hotline.config;
