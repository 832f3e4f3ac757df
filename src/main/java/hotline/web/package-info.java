/** Thin HTTP infrastructure shared by the features: health, the access log. */
package hotline.web;
