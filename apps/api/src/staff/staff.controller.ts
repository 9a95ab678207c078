import { Actor, CurrentActor, Roles } from '@kp/auth';
import { AddStaffMember, AddStaffMemberCommand, ListStaff, ListStaffCommand, UpdateStaffMember, UpdateStaffMemberCommand } from '@kp/cases';
import { ApiProblems } from '@kp/http';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateStaffMemberDto, StaffMemberDto, StaffPageDto, StaffQueryDto, UpdateStaffMemberDto } from './dto/staff.dto';

/** The staff directory: who a notice to a role reaches, and where it is e-mailed. Admins only. */
@ApiTags('staff')
@ApiBearerAuth()
@Roles('admin')
@Controller('v1/admin/staff')
export class StaffController {
  constructor(
    private readonly listStaff: ListStaff,
    private readonly addStaffMember: AddStaffMember,
    private readonly updateStaffMember: UpdateStaffMember,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listStaff',
    summary: 'The staff directory, in the order people were first seen (cursor-paginated)',
    description: 'Admin. Everyone who has signed in or was added by an admin, with their e-mail, language and whether notices to their role reach them; filter by role or active.',
  })
  @ApiOkResponse({ type: StaffPageDto, description: 'One page of the directory' })
  @ApiProblems(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query() query: StaffQueryDto): Promise<StaffPageDto> {
    return this.listStaff.execute(actor, ListStaffCommand.create({ limit: query.limit, cursor: query.cursor, role: query.role, active: query.active }));
  }

  @Post()
  @ApiOperation({
    operationId: 'createStaffMember',
    summary: 'Add a person before their first sign-in',
    description:
      'Admin. Notices to the role (in the region or organisation given) reach the person by e-mail from now on. Their first sign-in whose token carries this address in its `email` claim (case-insensitive) takes the entry over under the token’s subject; the token’s role, organisation and region then apply. Audited as `staff_member.added`; 409 `staff-member-exists` when someone in the directory has the address.',
  })
  @ApiCreatedResponse({ type: StaffMemberDto, description: 'The new entry, `signedIn: false` until the first sign-in' })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() body: CreateStaffMemberDto): Promise<StaffMemberDto> {
    return this.addStaffMember.execute(actor, AddStaffMemberCommand.create({ ...body, language: body.language ?? 'da', active: body.active ?? true }));
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
