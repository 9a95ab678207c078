import { DeliveryModule } from '@kp/delivery';
import { Module } from '@nestjs/common';
import { DeliveryController } from './delivery.controller';

/** HTTP wiring for delivery and stop orders. */
@Module({
  imports: [DeliveryModule],
  controllers: [DeliveryController],
})
export class DeliveryHttpModule {}
