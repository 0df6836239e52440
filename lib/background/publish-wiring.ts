import type { Router } from '../messaging/channel';
import { preparePublish, publishDrafts, retryPublish } from '../panel/publish-protocol';
import { PublishService, type PublishServiceDeps } from './publish-service';

/** The publish dialog's requests, served by one PublishService. */
export function registerPublishHandlers(router: Router, deps: PublishServiceDeps): PublishService {
  const service = new PublishService(deps);
  router
    .on(preparePublish, (request, sender) => service.prepare(request, sender))
    .on(publishDrafts, (request, sender) => service.publish(request, sender))
    .on(retryPublish, (request, sender) => service.retry(request, sender));
  return service;
}
