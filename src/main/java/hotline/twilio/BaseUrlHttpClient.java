package hotline.twilio;

import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

import java.net.URI;

/**
 * The SDK's own HTTP client, sending every request to another base URL ({@code TWILIO_API_BASE_URL}), such as a
 * stand-in of Twilio's API in tests. Only the scheme, host and port change; the path, query, form, headers and
 * authentication are the SDK's, so what is tested is what the SDK sends to Twilio.
 */
final class BaseUrlHttpClient extends NetworkHttpClient {
    private final String base;

    BaseUrlHttpClient(URI base) {
        this.base = base.toString().replaceAll("/+$", "");
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(rebased(request));
    }

    Request rebased(Request request) {
        URI original = URI.create(request.getUrl());
        String url = base + original.getRawPath() + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery());
        Request copy = new Rebased(request.getMethod(), url);
        request.getQueryParams().forEach((name, values) -> values.forEach(value -> copy.addQueryParam(name, value)));
        request.getPostParams().forEach((name, values) -> values.forEach(value -> copy.addPostParam(name, value)));
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> copy.addHeaderParam(name, value)));
        if (!request.getFormParameters().isEmpty()) {
            copy.setFormParameters(request.getFormParameters());
        }
        if (request.getAuthStrategy() != null) {
            copy.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            copy.setAuth(request.getUsername(), request.getPassword());
        }
        copy.setContentType(request.getContentType());
        copy.setBody(request.getBody());
        copy.setUserAgentExtensions(request.getUserAgentExtensions());
        return copy;
    }

    /**
     * A request whose URL is used as given. The SDK reads a host as {@code product.region.twilio.com} to add a region
     * or edge, which would turn a stand-in's host (such as {@code standin.test}) into another name.
     */
    private static final class Rebased extends Request {
        Rebased(HttpMethod method, String url) {
            super(method, url);
        }

        @Override
        protected String buildURL() {
            return url;
        }
    }
}
