package hotline.config;

/** A configuration value that stops start-up; the message names the variable to fix. */
public class ConfigException extends RuntimeException {
    public ConfigException(String variable, String problem) {
        super(variable + " " + problem);
    }
}
