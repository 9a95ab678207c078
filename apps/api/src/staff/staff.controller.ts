import { Actor, CurrentActor, Roles } from '@kp/auth';
import { ListStaff, ListStaffCommand, UpdateStaffMember, UpdateStaffMemberCommand } from '@kp/cases';
import { ApiProblems } from '@kp/http';
import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffMemberDto, StaffPageDto, StaffQueryDto, UpdateStaffMemberDto } from './dto/staff.dto';

/** The staff directory: who a notice to a role reaches, and where it is e-mailed. Admins only. */
@ApiTags('staff')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/staff')
export class StaffController {
  constructor(
    private readonly listStaff: ListStaff,
    private readonly updateStaffMember: UpdateStaffMember,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listStaff',
    summary: 'The staff directory, in the order people were first seen (cursor-paginated)',
    description: 'Admin. Everyone who has signed in, with their e-mail, language and whether notices to their role reach them; filter by role or active.',
  })
  @ApiOkResponse({ type: StaffPageDto, description: 'One page of the directory' })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: StaffQueryDto): Promise<StaffPageDto> {
    return this.listStaff.execute(actor, ListStaffCommand.create({ limit: query.limit, cursor: query.cursor, role: query.role, active: query.active }));
  }

  @Patch(':sub')
  @ApiOperation({
    operationId: 'updateStaffMember',
    summary: 'Correct a person’s e-mail or language, or mark them inactive',
    description: 'Admin. Audited as `staff_member.updated`. An e-mail set here is kept until cleared with null; an inactive person no longer receives notices to their role (personal notices still reach them).',
  })
  @ApiOkResponse({ type: StaffMemberDto, description: 'The entry after the edit' })
  @ApiProblems(400, 401, 403, 404)
  update(@CurrentActor() actor: Actor, @Param('sub') sub: string, @Body() body: UpdateStaffMemberDto): Promise<StaffMemberDto> {
    return this.updateStaffMember.execute(actor, UpdateStaffMemberCommand.create({ sub, email: body.email, language: body.language, active: body.active }));
  }
}
