/** Running the hotline: its logs (masked, text or JSON), its Prometheus metrics, and who may read them. */
package hotline.operations;
